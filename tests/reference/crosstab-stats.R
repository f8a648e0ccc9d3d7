# R reference figures for the cross-tabulation tests in src/lib/analytics (statistics.ts,
# exact-tests.ts, rao-scott.ts), read by tests/unit/statistics.test.ts.
# Re-run from the project root with
#   Rscript tests/reference/crosstab-stats.R
# which needs the Debian packages r-base-core and r-cran-survey. It reads crosstab-data.csv
# (300 respondents: a = row category 1..4, b = column category 1..3, w = weight) and writes
# crosstab-stats.json. CI does not run R: it only reads the committed files.

suppressMessages(library(survey))

dir <- "tests/reference"
d <- read.csv(file.path(dir, "crosstab-data.csv"))

# JSON by hand (jsonlite need not be installed), numbers with full precision.
num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
mat <- function(m) paste0("[", paste(sapply(seq_len(nrow(m)), function(i) vec(m[i, ])), collapse = ", "), "]")
obj <- function(...) {
	fields <- list(...)
	paste0("{", paste(sprintf("\"%s\": %s", names(fields), unlist(fields)), collapse = ", "), "}")
}
str <- function(s) sprintf("\"%s\"", s)

# Every figure on the rows and columns that have respondents, as the app tests them.
occupied <- function(x) x[rowSums(x) > 0, colSums(x) > 0, drop = FALSE]

tableFigures <- function(name, x) {
	y <- occupied(x)
	chi <- suppressWarnings(chisq.test(y, correct = FALSE))
	set.seed(1)
	sim <- chisq.test(y, simulate.p.value = TRUE, B = 2000)
	fisher <- if (all(dim(y) == 2)) fisher.test(y)$p.value else NA
	obj(
		name = str(name),
		table = mat(x),
		statistic = num(unname(chi$statistic)),
		df = num(unname(chi$parameter)),
		p = num(chi$p.value),
		minExpected = num(min(chi$expected)),
		lowShare = num(mean(chi$expected < 5)),
		fisher = num(fisher),
		simulated = obj(seed = "1", B = "2000", p = num(sim$p.value))
	)
}

counts <- unclass(table(d$a, d$b))
tables <- list(
	"2x2 small" = rbind(c(3, 1), c(1, 3)),
	"2x2 unequal margins" = rbind(c(12, 5), c(3, 17)),
	"2x2 equal row totals" = rbind(c(12, 5), c(6, 11)),
	"2x2 large" = rbind(c(120, 80), c(95, 130)),
	"2x2 after an empty row and column" = rbind(c(7, 0, 2), c(0, 0, 0), c(1, 0, 9)),
	"3x3 sparse" = rbind(c(10, 2, 0), c(8, 3, 1), c(12, 1, 0)),
	"5x4 moderate" = rbind(c(8, 5, 3, 4), c(6, 7, 2, 5), c(3, 6, 8, 3), c(5, 4, 6, 9), c(2, 3, 5, 4)),
	"2x3 one expected count 0.31" = rbind(c(1, 10, 9), c(30, 975, 975)),
	"2x5 one in ten under 5" = rbind(c(2, 10, 9, 10, 9), c(98, 465, 466, 465, 466)),
	"csv counts a x b" = matrix(as.numeric(counts), nrow(counts))
)

# The weighted data: svydesign(ids = ~1, weights = ~w); a and b have no empty levels.
weightedFigures <- function(name, data) {
	# svyby(~factor(b), ~factor(a), des, svymean), but with b made a factor beforehand: factor(b)
	# inside svyby is taken group by group and loses a level a group lacks (a = 1 without b = 3).
	data$bf <- factor(data$b, levels = sort(unique(data$b)))
	des <- svydesign(ids = ~1, weights = ~w, data = data)
	rs <- svychisq(~a + b, des, statistic = "F")
	pearson <- suppressWarnings(chisq.test(svytable(~a + b, des, Ntotal = nrow(data)), correct = FALSE))
	rows <- svyby(~bf, ~factor(a), des, svymean)
	rowPercent <- 100 * as.matrix(rows[, paste0("bf", levels(data$bf))])
	obj(
		name = str(name),
		n = num(nrow(data)),
		statistic = num(unname(rs$statistic)),
		ndf = num(unname(rs$parameter["ndf"])),
		ddf = num(unname(rs$parameter["ddf"])),
		p = num(rs$p.value),
		pearson = num(unname(pearson$statistic)),
		rowPercent = mat(rowPercent),
		columnPercent = vec(100 * coef(svymean(~bf, des)))
	)
}
weighted <- list(
	weightedFigures("all respondents", d),
	weightedFigures("without the cell a = 1, b = 3", d[!(d$a == 1 & d$b == 3), ])
)

fCases <- rbind(c(2.5, 3, 120), c(2.5, 3.7, 120.3), c(0.4, 5.9451, 1777.58), c(9.1, 1, 8),
	c(1.2, 12.5, 4.25), c(4, 2, 200000), c(0.05, 6, 30))
f <- apply(fCases, 1, function(r) obj(x = num(r[1]), d1 = num(r[2]), d2 = num(r[3]),
	p = num(pf(r[1], r[2], r[3], lower.tail = FALSE))))

json <- paste0(
	"{\n",
	"\"generated\": ", str(sprintf("%s, survey %s", R.version.string, packageVersion("survey"))), ",\n",
	"\"tables\": [\n", paste(mapply(tableFigures, names(tables), tables), collapse = ",\n"), "\n],\n",
	"\"weighted\": [\n", paste(unlist(weighted), collapse = ",\n"), "\n],\n",
	"\"fUpper\": [\n", paste(f, collapse = ",\n"), "\n]\n",
	"}\n"
)
writeLines(json, file.path(dir, "crosstab-stats.json"), sep = "")
