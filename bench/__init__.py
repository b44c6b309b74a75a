"""``python -m bench`` (``make bench``): how fast Guantong builds, how heavy its pages are, how quickly the
finder answers, how the build scales to a catalogue ten times larger, and what Lighthouse says.

It prints numbers beside their targets and never fails on a number: the exit code is non-zero only
when something crashed. Nothing is written into site/ or docs/ (builds go to temporary folders);
``python -m generator dist`` (which writes dist/) is called only when generator/dist.py exists.
"""
