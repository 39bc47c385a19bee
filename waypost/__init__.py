"""The Waypost shell: the `waypost` command line, which wires settings into the front ends."""
