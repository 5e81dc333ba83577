"""docbind."""
