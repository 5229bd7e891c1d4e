"""The frozen station's entry point: the same ``main`` as the ``returndesk`` command."""

import sys

from returndesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
