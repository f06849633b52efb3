"""``python -m policytext`` runs the command-line interface."""

from policytext.cli import main

raise SystemExit(main())
