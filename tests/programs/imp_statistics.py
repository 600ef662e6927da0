# statistics.
import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), st.median_low([1, 3, 5, 7]))
print(st.variance([1, 2, 3, 4]), st.stdev([1, 2, 3, 4]), st.median_high([1, 3, 5, 7]), st.multimode("aabbc"))
print(st.fmean([1, 2, 3]), st.harmonic_mean([40, 60]), st.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4))
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
