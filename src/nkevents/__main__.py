"""`python -m nkevents ...` runs the same command as the `nkevents` script (for a venv whose bin/ is
not on PATH)."""
from nkevents.cli import main

main()
