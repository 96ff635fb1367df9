"""timeseries stage."""
