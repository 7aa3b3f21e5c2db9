# The worked example of pROC's documentation (?roc.test): the aSAH data set shipped with pROC,
# comparing the S100B and WFNS scores of 113 patients (WFNS is ordinal 1..5: heavy ties).
# Writes asah.csv (outcome as 0/1) and prints pROC's DeLong values. Debian: r-base-core, r-cran-proc
# (R 4.2.2, pROC 1.18.0). Run from this directory:  Rscript asah_reference.R
suppressMessages(library(pROC))
data(aSAH)
rows <- data.frame(label = as.integer(aSAH$outcome == "Poor"), s100b = aSAH$s100b, wfns = as.integer(aSAH$wfns))
write.csv(rows, "asah.csv", row.names = FALSE, quote = FALSE)
a <- roc(rows$label, rows$s100b, levels = c(0, 1), direction = "<", quiet = TRUE)
b <- roc(rows$label, rows$wfns, levels = c(0, 1), direction = "<", quiet = TRUE)
t <- roc.test(a, b, method = "delong", paired = TRUE)
cat("auc s100b", format(as.numeric(auc(a)), digits = 17), "\n")
cat("auc wfns ", format(as.numeric(auc(b)), digits = 17), "\n")
cat("z        ", format(unname(t$statistic), digits = 17), "\n")
cat("p.value  ", format(t$p.value, digits = 17), "\n")
cat("conf.int ", format(t$conf.int, digits = 17), "\n")
