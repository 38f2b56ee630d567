"""Placeholder until this command is built; replaced by its owner."""

import click


@click.command("ingest")
def ingest() -> None:
    """Not built yet."""
    raise click.ClickException("not built yet")
