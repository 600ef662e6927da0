S_IXUSR = #  0o0100 execute by owner
