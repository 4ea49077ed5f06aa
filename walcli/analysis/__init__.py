"""What commands show, as plain data: record views, statistics, diffs (and next the
cross-references, the timeline and the graph), independent of any output format."""
