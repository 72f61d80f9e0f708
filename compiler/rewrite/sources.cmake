# Sources of compiler/rewrite/ (in-place rewrites of rule files (rbc fmt, rbc check --fix)), relative to compiler/.
list(APPEND RBC_SOURCES
)
