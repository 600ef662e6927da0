# -*- coding: cp437 -*-
box = "им╩"
