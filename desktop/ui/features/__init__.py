"""Feature controllers beyond tagging. Each module's `install(ctx)` adds its panels,
actions and signal wiring to the main window; the composition root calls them."""
