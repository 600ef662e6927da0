print("failing: body runs")
raise ValueError("failing module")
