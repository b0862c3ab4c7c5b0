"""Build the site from content/ into site/ (same as `lawreport build`)."""

import sys

from lawreport.cli import main

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
