from .x import x_value
y_value = 2
