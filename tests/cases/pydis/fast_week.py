def fast_week(): return 86400 * 7
