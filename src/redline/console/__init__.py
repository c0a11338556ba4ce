"""The moderators' web console (planned): reads and acts only through the review and report layers."""
