"""Placeholder until this command is built; replaced by its owner."""

import click


@click.command("extract")
def extract() -> None:
    """Not built yet."""
    raise click.ClickException("not built yet")


@click.command("extract")
def eval_extract() -> None:
    """Not built yet."""
    raise click.ClickException("not built yet")
