"""Staff screens of the volunteer programme: profiles, the overview, training."""
