x = "ab\x4z"
