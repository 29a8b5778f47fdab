import sys

from desktop.cli import main

# The guard matters: worker processes are spawned, and a spawned child imports the main
# module again; without it the child would start a second window.
if __name__ == "__main__":
    if getattr(sys, "frozen", False):
        # In the bundle, a spawned worker (import, export, merge) and multiprocessing's
        # resource tracker start this same executable with their own arguments:
        # freeze_support runs them and exits, before the command line reads sys.argv.
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
