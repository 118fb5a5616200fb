"""The main window, the shell that starts it and the sign-in dialog; the panes live in the features."""
