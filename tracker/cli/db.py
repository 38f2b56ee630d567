"""Placeholder until this command is built; replaced by its owner."""

import click


@click.group("db")
def db() -> None:
    """Not built yet."""
    raise click.ClickException("not built yet")
