"""The Gradio web UI of the advisor: app wiring, pure formatting, the plan builder, its tables."""
