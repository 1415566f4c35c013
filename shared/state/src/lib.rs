//! Typed state-table records and their conditional-write protocols (claims, breakers, modes, cursors) over the StateStore port
