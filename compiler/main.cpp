#include "cli/app.hpp"

int main(int argc, char** argv) { return rbc::cli::run(argc, argv); }
