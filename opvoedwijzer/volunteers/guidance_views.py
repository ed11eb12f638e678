"""Screens of the volunteers' guidance: reflection meetings with intervision, learning notes, check-ins,
questions to the coordinator."""
