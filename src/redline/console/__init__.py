"""The moderators' web console (planned): reads and acts only through review and report."""
