import sys

from desktop.cli import main

# The guard matters: worker processes are spawned, and a spawned child imports the main
# module again; without it the child would start a second window.
if __name__ == "__main__":
    sys.exit(main())
