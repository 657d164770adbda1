"""``python -m jekyllpy`` runs the command line."""

from .cli import main

main()
