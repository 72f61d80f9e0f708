# Used by install_test.sh: zsh -f zsh_complete.zsh _rbc WORD... prints the
# candidates _rbc offers for the last WORD.
compadd() { [[ $1 == -- ]] && shift; local w; for w in "$@"; do [[ $w == ${PREFIX}* ]] && print -r -- $w; done; }
_describe() { local -a arr; arr=("${(@P)2}"); local e; for e in $arr; do [[ ${e%%:*} == ${PREFIX}* ]] && print -r -- ${e%%:*}; done; }
_files() { print -r -- FILES; }
script=$1; shift
words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}
source $script
