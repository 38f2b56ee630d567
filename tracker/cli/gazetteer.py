"""Placeholder until this command is built; replaced by its owner."""

import click


@click.group("gazetteer")
def gazetteer() -> None:
    """Not built yet."""
    raise click.ClickException("not built yet")


@click.command("geocode")
def eval_geocode() -> None:
    """Not built yet."""
    raise click.ClickException("not built yet")
