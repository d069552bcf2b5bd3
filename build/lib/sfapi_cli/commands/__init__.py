"""The commands of ``sfapi``, one module per area."""
