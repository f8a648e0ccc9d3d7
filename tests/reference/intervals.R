# R reference figures for the intervals, design effects and tests of change in
# src/lib/analytics/intervals.ts, read by tests/unit/intervals.test.ts.
# Re-run from the project root with
#   Rscript tests/reference/intervals.R
# which needs the Debian packages r-base-core and r-cran-survey. It reads intervals-data.csv
# (two editions of made-up respondents: edition 1 or 2, g = group 1..3, q1 = single choice
# 1..4, q2 = yes 1 / no 2, x = a 1..5 scale, w = weight with mean 1 in each edition; a blank is
# no answer), writing it first from a seeded snippet when it is missing, and writes
# intervals.json. CI does not run R: it only reads the committed files.
#
# What is matched:
# - unweighted percentages: Wilson's score interval, prop.test(x, n, correct = FALSE)$conf.int;
# - unweighted means: t.test(x)$conf.int (mean ± qt(0.975, n − 1) · sd / √n);
# - weighted percentages: svyciprop(method = "mean") on svydesign(ids = ~1, weights = ~w) of the
#   whole edition, the base (those who answered, or a group of them) taken by subset(): the
#   linearised SE and estimate ± qt(0.975, degf) · SE, degf = respondents in the base − 1;
# - weighted means: svymean on the same subset with confint(df = degf(design)), the same form;
# - design effects: svymean(deff = "replace"), the variance against simple random sampling
#   with replacement of the same n (deff = TRUE compares with sampling without replacement
#   from a population of Σw, which for weights scaled to mean 1 is n itself: 0/0);
# - change between editions, unweighted: prop.test(c(x2, x1), c(n2, n1), correct = FALSE)
#   (p from the pooled X², interval from the unpooled SE) and t.test(x2, x1) (Welch) for a
#   mean; weighted: the difference of the two editions' svyciprop (or svymean) estimates with
#   SE √(SE1² + SE2²), z = d / SE, p = 2 Φ(−|z|), d ± qnorm(0.975) · SE;
# - the sampling-error table: ±1.96 √(p (1 − p) / n) in points.

suppressMessages(library(survey))

dir <- "tests/reference"
csv <- file.path(dir, "intervals-data.csv")

if (!file.exists(csv)) {
	set.seed(18)
	edition <- function(e, n) {
		g <- sample(1:3, n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
		q1 <- sapply(g, function(k) sample(1:4, 1, prob = list(c(4, 3, 2, 1), c(2, 3, 3, 2), c(1, 2, 3, 4))[[k]]))
		q2 <- ifelse(runif(n) < c(0.40, 0.55, 0.70)[g] + 0.06 * (e - 1), 1, 2)
		x <- pmin(5, pmax(1, round(c(2.6, 3.2, 3.9)[g] + rnorm(n, 0, 1.1))))
		# Weights: larger for groups 2 and 3 (under-represented), with noise; mean 1.
		w <- c(0.7, 1.3, 1.9)[g] * exp(rnorm(n, 0, 0.35))
		w <- w / mean(w)
		q1[runif(n) < 0.05] <- NA
		q2[runif(n) < 0.03] <- NA
		x[runif(n) < 0.04] <- NA
		data.frame(edition = e, g = g, q1 = q1, q2 = q2, x = x, w = round(w, 6))
	}
	d <- rbind(edition(1, 400), edition(2, 360))
	# Rounded weights, rescaled to mean 1 again and written to 15 digits.
	for (e in 1:2) d$w[d$edition == e] <- d$w[d$edition == e] / mean(d$w[d$edition == e])
	d$w <- sprintf("%.15g", d$w)
	write.csv(d, csv, row.names = FALSE, na = "", quote = FALSE)
}
d <- read.csv(csv)

# JSON by hand (jsonlite need not be installed), numbers with full precision.
num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
obj <- function(...) {
	fields <- list(...)
	paste0("{", paste(sprintf("\"%s\": %s", names(fields), unlist(fields)), collapse = ", "), "}")
}
str <- function(s) sprintf("\"%s\"", s)
list_of <- function(items) paste0("[\n", paste(unlist(items), collapse = ",\n"), "\n]")

# Wilson's interval.
wilsonCases <- rbind(c(0, 1), c(1, 1), c(0, 10), c(10, 10), c(1, 10), c(5, 10), c(3, 37), c(250, 600), c(599, 600), c(12345, 100000))
wilson <- apply(wilsonCases, 1, function(r) {
	ci <- suppressWarnings(prop.test(r[1], r[2], correct = FALSE))$conf.int
	obj(x = num(r[1]), n = num(r[2]), lower = num(ci[1]), upper = num(ci[2]))
})

# t quantiles, two-sided 95 %.
tq <- sapply(c(1, 2, 3, 5, 9.5, 29, 120, 399, 12345, 1e6), function(df) obj(df = num(df), q = num(qt(0.975, df))))

# t intervals of the mean of x: an edition, and a small group of it.
tInterval <- function(name, x) {
	x <- x[!is.na(x)]
	tt <- t.test(x)
	obj(name = str(name), values = vec(x), mean = num(mean(x)), sd = num(sd(x)), n = num(length(x)), lower = num(tt$conf.int[1]), upper = num(tt$conf.int[2]))
}
tIntervals <- list(
	tInterval("edition 1", d$x[d$edition == 1]),
	tInterval("edition 1, group 3", d$x[d$edition == 1 & d$g == 3]),
	tInterval("three values", c(2, 4, 9))
)

# Weighted: one design per edition; bases as subsets of it.
design <- function(e) svydesign(ids = ~1, weights = ~w, data = d[d$edition == e, ])
ciprop <- function(name, des, formula, e, variable, code, base, group) {
	ci <- svyciprop(formula, des, method = "mean")
	m <- svymean(formula, des, deff = "replace")
	obj(
		name = str(name), edition = num(e), variable = str(variable), code = num(code), base = str(base), group = num(group),
		n = num(sum(weights(des) != 0)), estimate = num(unname(coef(ci))), se = num(sqrt(unname(attr(ci, "var")))),
		lower = num(unname(attr(ci, "ci")[1])), upper = num(unname(attr(ci, "ci")[2])), df = num(degf(des)),
		deff = num(unname(deff(m)))
	)
}
proportions <- list()
means <- list()
for (e in 1:2) {
	des <- design(e)
	for (code in 1:4) {
		f <- as.formula(sprintf("~I(as.numeric(q1 == %d))", code))
		add <- function(x) proportions[[length(proportions) + 1]] <<- x
		add(ciprop(sprintf("q1 = %d of those who answered, edition %d", code, e), subset(des, !is.na(q1)), f, e, "q1", code, "answered", NA))
		fShown <- as.formula(sprintf("~I(as.numeric(!is.na(q1) & q1 == %d))", code))
		add(ciprop(sprintf("q1 = %d of everyone, edition %d", code, e), des, fShown, e, "q1", code, "shown", NA))
		for (k in 1:3) add(ciprop(sprintf("q1 = %d in group %d, edition %d", code, k, e), subset(des, !is.na(q1) & g == k), f, e, "q1", code, "answered", k))
	}
	for (code in 1:2) {
		f <- as.formula(sprintf("~I(as.numeric(q2 == %d))", code))
		proportions[[length(proportions) + 1]] <- ciprop(sprintf("q2 = %d of those who answered, edition %d", code, e), subset(des, !is.na(q2)), f, e, "q2", code, "answered", NA)
	}
	# Means of x: of those who answered, and by group.
	mean_of <- function(name, sub, group) {
		m <- svymean(~x, sub, deff = "replace")
		ci <- confint(m, df = degf(sub))
		obj(
			name = str(name), edition = num(e), variable = str("x"), group = num(group), n = num(sum(weights(sub) != 0)),
			estimate = num(unname(coef(m))), se = num(unname(SE(m))), lower = num(ci[1]), upper = num(ci[2]), df = num(degf(sub)),
			deff = num(unname(deff(m)))
		)
	}
	means[[length(means) + 1]] <- mean_of(sprintf("x of those who answered, edition %d", e), subset(des, !is.na(x)), NA)
	for (k in 1:3) means[[length(means) + 1]] <- mean_of(sprintf("x in group %d, edition %d", k, e), subset(des, !is.na(x) & g == k), k)
}

# The same design effects, as svymean(~factor(), deff = "replace") prints them per category.
deffs <- list()
for (e in 1:2) {
	des <- design(e)
	for (v in c("q1", "q2")) {
		m <- svymean(as.formula(sprintf("~factor(%s)", v)), subset(des, !is.na(d[d$edition == e, v])), deff = "replace")
		deffs[[length(deffs) + 1]] <- obj(edition = num(e), variable = str(v), codes = vec(seq_along(coef(m))), deff = vec(unname(deff(m))))
	}
	m <- svymean(~x, subset(des, !is.na(x)), deff = "replace")
	deffs[[length(deffs) + 1]] <- obj(edition = num(e), variable = str("x"), codes = "null", deff = vec(unname(deff(m))))
}

# Change between editions, unweighted: prop.test, newest first.
propTest <- function(name, x2, n2, x1, n1) {
	pt <- suppressWarnings(prop.test(c(x2, x1), c(n2, n1), correct = FALSE))
	obj(name = str(name), x2 = num(x2), n2 = num(n2), x1 = num(x1), n1 = num(n1), difference = num(x2 / n2 - x1 / n1),
		statistic = num(unname(pt$statistic)), p = num(pt$p.value), lower = num(pt$conf.int[1]), upper = num(pt$conf.int[2]))
}
counted <- function(e, code) c(sum(d$q2 == code & d$edition == e, na.rm = TRUE), sum(!is.na(d$q2) & d$edition == e))
a <- counted(2, 1)
b <- counted(1, 1)
propTests <- list(
	propTest("q2 = 1, edition 2 against 1", a[1], a[2], b[1], b[2]),
	propTest("45 of 100 against 60 of 110", 45, 100, 60, 110),
	propTest("0 of 50 against 3 of 60", 0, 50, 3, 60),
	propTest("600 of 1000 against 520 of 1000", 600, 1000, 520, 1000),
	propTest("all of 40 against 20 of 40", 40, 40, 20, 40),
	propTest("none of either", 0, 50, 0, 60)
)

# Weighted change: two independent estimates, SEs combined, z.
zChange <- function(name, m2, m1) {
	est <- c(unname(coef(m2)), unname(coef(m1)))
	se <- c(sqrt(unname(attr(m2, "var"))), sqrt(unname(attr(m1, "var"))))
	dd <- est[1] - est[2]
	s <- sqrt(sum(se^2))
	z <- dd / s
	obj(name = str(name), estimate2 = num(est[1]), se2 = num(se[1]), estimate1 = num(est[2]), se1 = num(se[2]), difference = num(dd), se = num(s),
		z = num(z), p = num(2 * pnorm(-abs(z))), lower = num(dd - qnorm(0.975) * s), upper = num(dd + qnorm(0.975) * s))
}
zChanges <- list(
	zChange("q2 = 1 of those who answered", svyciprop(~I(as.numeric(q2 == 1)), subset(design(2), !is.na(q2)), method = "mean"), svyciprop(~I(as.numeric(q2 == 1)), subset(design(1), !is.na(q2)), method = "mean")),
	zChange("q1 = 4 of those who answered", svyciprop(~I(as.numeric(q1 == 4)), subset(design(2), !is.na(q1)), method = "mean"), svyciprop(~I(as.numeric(q1 == 4)), subset(design(1), !is.na(q1)), method = "mean")),
	zChange("mean of x", svymean(~x, subset(design(2), !is.na(x))), svymean(~x, subset(design(1), !is.na(x))))
)

# Welch's t test of the mean of x, edition 2 against 1.
x2 <- d$x[d$edition == 2 & !is.na(d$x)]
x1 <- d$x[d$edition == 1 & !is.na(d$x)]
wt <- t.test(x2, x1)
welch <- obj(mean2 = num(mean(x2)), sd2 = num(sd(x2)), n2 = num(length(x2)), mean1 = num(mean(x1)), sd1 = num(sd(x1)), n1 = num(length(x1)),
	difference = num(mean(x2) - mean(x1)), statistic = num(unname(wt$statistic)), df = num(unname(wt$parameter)), p = num(wt$p.value),
	lower = num(wt$conf.int[1]), upper = num(wt$conf.int[2]))

# The sampling-error table: ±1.96 √(p (1 − p) / n), in points.
ns <- c(nrow(d[d$edition == 1, ]), as.vector(table(d$g[d$edition == 1])), 100, 500, 1000)
ps <- c(0.1, 0.2, 0.3, 0.4, 0.5)
errorRows <- sapply(ns, function(n) obj(n = num(n), margins = vec(100 * 1.96 * sqrt(ps * (1 - ps) / n))))

json <- paste0(
	"{\n",
	"\"generated\": ", str(sprintf("%s, survey %s", R.version.string, packageVersion("survey"))), ",\n",
	"\"wilson\": ", list_of(wilson), ",\n",
	"\"tQuantile\": ", list_of(tq), ",\n",
	"\"tInterval\": ", list_of(tIntervals), ",\n",
	"\"proportions\": ", list_of(proportions), ",\n",
	"\"means\": ", list_of(means), ",\n",
	"\"deff\": ", list_of(deffs), ",\n",
	"\"propTest\": ", list_of(propTests), ",\n",
	"\"zChange\": ", list_of(zChanges), ",\n",
	"\"welch\": ", welch, ",\n",
	"\"samplingError\": {\"p\": ", vec(ps), ", \"rows\": ", list_of(errorRows), "}\n",
	"}\n"
)
writeLines(json, file.path(dir, "intervals.json"), sep = "")
