"""Built-in recognizers, one module per family of private data."""
