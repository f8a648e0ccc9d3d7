# R reference weights for raking and trimming (src/lib/analytics/raking.ts), read by
# tests/unit/raking.test.ts.
# Re-run from the project root with
#   Rscript tests/reference/raking.R
# which needs the Debian packages r-base-core and r-cran-survey. It reads raking-data.csv
# (400 respondents: age group 1..6 with some NA; sex 1..2 with some NA and code 3, which the
# population table lacks, like 回答しない; district 1..5) and writes raking.json.
# CI does not run R: it only reads the committed files.
#
# Unknown categories are kept, as the app keeps them: on each margin, respondents with no
# known category are recoded to an explicit level "unknown" whose population is their
# (unweighted) sample share of the population total; the known categories share the rest in
# the population's proportions. rake()'s epsilon, when below 1, is relative: raking stops when
# no cell of the cross-classified weighted table moved by more than epsilon × the sum of the
# weights in the last pass. Weights are written normalised to mean 1.

suppressMessages(library(survey))

dir <- "tests/reference"
d <- read.csv(file.path(dir, "raking-data.csv"))
n <- nrow(d)

# Population margins (residents by age group, sex, district, and age group × sex).
N <- 152500
population <- list(
	age = list(codes = 1:6, freq = c(21000, 19500, 23500, 22000, 24500, 42000)),
	sex = list(codes = 1:2, freq = c(73000, 79500)),
	district = list(codes = 1:5, freq = c(52000, 31000, 27000, 24000, 18500)),
	# "age:sex", in the order age 1 male, age 1 female, age 2 male, ...
	agesex = list(
		codes = as.vector(t(outer(1:6, 1:2, paste, sep = ":"))),
		freq = c(10900, 10100, 10000, 9500, 12000, 11500, 11200, 10800, 12100, 12400, 17500, 24500)
	)
)

d$agesex <- ifelse(is.na(d$age) | is.na(d$sex), NA, paste(d$age, d$sex, sep = ":"))

# A margin's variable with unknowns recoded, and its population with the unknown cell.
recode <- function(name) {
	p <- population[[name]]
	x <- d[[name]]
	unknown <- is.na(x) | !(x %in% p$codes)
	levels <- c(as.character(p$codes), "unknown")
	d[[paste0(name, "_m")]] <<- factor(ifelse(unknown, "unknown", as.character(x)), levels = levels)
	nu <- sum(unknown)
	frame <- data.frame(level = factor(levels, levels = levels), Freq = c((1 - nu / n) * N * p$freq / sum(p$freq), nu / n * N))
	names(frame)[1] <- paste0(name, "_m")
	frame
}
pops <- lapply(setNames(names(population), names(population)), recode)

d$one <- 1
design <- svydesign(ids = ~1, weights = ~one, data = d)

raked <- function(names) {
	rake(design, lapply(names, function(m) as.formula(paste0("~", m, "_m"))), pops[names], control = list(maxit = 200, epsilon = 1e-12))
}
meanOne <- function(des) {
	w <- weights(des)
	w / mean(w)
}

separate <- raked(c("age", "sex", "district"))
joint <- raked(c("agesex", "district"))
bounds <- list(upper = 2.5, lower = 0.5)
mw <- mean(weights(separate))
trimmed <- trimWeights(separate, upper = bounds$upper * mw, lower = bounds$lower * mw, strict = FALSE)

# JSON by hand (jsonlite need not be installed), numbers with full precision.
num <- function(x) sprintf("%.15g", x)
vec <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
strs <- function(x) paste0("[", paste(sprintf("\"%s\"", x), collapse = ", "), "]")
obj <- function(fields) paste0("{", paste(sprintf("\"%s\": %s", names(fields), unlist(fields)), collapse = ", "), "}")

margins <- obj(lapply(population, function(p) obj(list(codes = strs(p$codes), population = vec(p$freq)))))
cases <- obj(list(
	separate = obj(list(margins = strs(c("age", "sex", "district")), weights = vec(meanOne(separate)))),
	joint = obj(list(margins = strs(c("agesex", "district")), weights = vec(meanOne(joint)))),
	trimmed = obj(list(
		margins = strs(c("age", "sex", "district")),
		upper = num(bounds$upper),
		lower = num(bounds$lower),
		trimmed = num(sum(weights(separate) > bounds$upper * mw | weights(separate) < bounds$lower * mw)),
		weights = vec(meanOne(trimmed))
	))
))
writeLines(paste0("{\"n\": ", n, ", \"total\": ", num(N), ", \"population\": ", margins, ", \"cases\": ", cases, "}"), file.path(dir, "raking.json"))
cat("weights range (separate):", range(meanOne(separate)), "\n")
cat("trimmed:", sum(weights(separate) > bounds$upper * mw | weights(separate) < bounds$lower * mw), "\n")
