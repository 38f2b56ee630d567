"""Placeholder until this command is built; replaced by its owner."""

import click


@click.command("map")
def map_command() -> None:
    """Not built yet."""
    raise click.ClickException("not built yet")
