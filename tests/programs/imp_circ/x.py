from .y import y_value
x_value = 1
