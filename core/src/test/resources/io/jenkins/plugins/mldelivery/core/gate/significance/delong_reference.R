# Reference values for DeLongTestTest, from R's pROC (Debian: apt-get install r-base-core r-cran-proc;
# R 4.2.2, pROC 1.18.0). Run from this directory:  Rscript delong_reference.R
suppressMessages(library(pROC))
options(digits = 17)
challenger <- read.csv("challenger.csv")
champion <- read.csv("champion.csv")
both <- merge(challenger, champion, by = "id", suffixes = c(".new", ".old"))
report <- function(name, rows) {
  a <- roc(rows$label.new, rows$probability.new, levels = c(0, 1), direction = "<", quiet = TRUE)
  b <- roc(rows$label.new, rows$probability.old, levels = c(0, 1), direction = "<", quiet = TRUE)
  t <- roc.test(a, b, method = "delong", paired = TRUE, conf.level = 0.95)
  cat(name, "rows", nrow(rows), "\n")
  cat("  auc challenger", format(as.numeric(auc(a)), digits = 17), "\n")
  cat("  auc champion  ", format(as.numeric(auc(b)), digits = 17), "\n")
  cat("  z             ", format(unname(t$statistic), digits = 17), "\n")
  cat("  p.value       ", format(t$p.value, digits = 17), "\n")
  cat("  conf.int 95%  ", format(t$conf.int, digits = 17), "\n")
  cat("  var challenger", format(var(a, method = "delong"), digits = 17), "\n")
  cat("  var champion  ", format(var(b, method = "delong"), digits = 17), "\n")
  cat("  cov           ", format(cov(a, b, method = "delong"), digits = 17), "\n")
}
report("all", both)
report("gender=F", both[both$gender.new == "F", ])
