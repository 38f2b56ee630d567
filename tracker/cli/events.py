"""Placeholder until this command is built; replaced by its owner."""

import click


@click.command("events")
def events() -> None:
    """Not built yet."""
    raise click.ClickException("not built yet")
