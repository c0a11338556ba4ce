"""One module per resource, each exporting ``router``; ``app.ROUTERS`` lists them."""
