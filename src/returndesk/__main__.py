import sys

from returndesk.cli import main

sys.exit(main())
