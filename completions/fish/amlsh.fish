# fish completion for amlsh (one-shot use: `amlsh env dockerfile <TAB>`).
# Install: mkdir -p ~/.config/fish/completions
#          amlsh completion fish > ~/.config/fish/completions/amlsh.fish
#
# Commands, their arguments and options come from the table below (generated from the shell's own
# command specs and checked by CompletionScriptsTest); environment names, versions and workspaces
# are read from the workspace when TAB is pressed (`amlsh env list -o json`, ...).

set -g __amlsh_spec '
# BEGIN GENERATED (CompletionScriptsTest): WORDS;ARGS;OPTIONS
env create;name;--conda-file:file --pip-file:file --pip-version:none --base-image:image --dockerfile:file --python:none --from:none
env clone;ref none;
env discard;name;
env show;ref;
env dockerfile;ref;--explain:flag
env conda-spec;ref;
env conda-file;ref;
env image-details;ref;
env explain;ref;
env diff;ref ref;--dockerfile:flag --conda:flag --exit-code:flag
env lint;ref;--strict:flag
env save;ref dir;--overwrite:flag
env load;dir;--name:none
env import;file;--name:none --draft:flag
env export;ref file;--overwrite:flag
env build-context;ref dir;--overwrite:flag
env set;name;--base-image:image --dockerfile:file --python:none --user-managed:bool --interpreter-path:none
env add-conda;name none*;
env add-pip;name none*;
env add-channel;name none*;
env remove-conda;name none*;
env remove-pip;name none*;
env remove-channel;name none*;
env add-pip-option;name none*;
env remove-pip-option;name none*;
env var set;name none*;
env var unset;name none*;
env list;;--archived:flag
env register;ref;--version:none --as:name
env versions;name;
env label;version none*;
env archive;version;
env restore;version;
workspace show;;
workspace list;;
workspace set-default-image;image;
workspace use;workspace;
workspace create;none;
workspace delete;workspace;--yes:flag
workspace export;file;
workspace import;file;--into:none
curated list;;
curated images;;
curated show;image;
help;command*;
script;file;--continue-on-error:flag --echo:flag --narrate:flag --step:flag
pause;none*;
set workspace;workspace;
echo;none*;
set output;format;
history;;
clear;;
version;;
completion;shell;
exit;;
#line;;--output:format -o:format --workspace:workspace --read-only:flag --no-color:flag --debug:flag --help:flag -h:flag
#launch;;--file:file -f:file --continue-on-error:flag --echo:flag --narrate:flag --step:flag --version:flag -V:flag --as-user:none
# END GENERATED
'

function __amlsh_query --description 'run amlsh for completion data'
    set -l ws
    test -n "$__amlsh_ws"; and set ws --workspace $__amlsh_ws
    $__amlsh_prog $ws --no-color $argv 2>/dev/null </dev/null
end

function __amlsh_json_field
    # sed, not `string`: fish 3.6's `string` in a function does not read the function's piped stdin
    sed -n 's/^[[:space:]]*"'$argv[1]'":[[:space:]]*"\([^"]*\)".*/\1/p'
end

function __amlsh_kind --argument-names kind cur
    switch $kind
        case file
            __fish_complete_path $cur
        case dir
            __fish_complete_directories $cur
        case ref name version
            if test $kind != name; and string match -q '*:*' -- $cur
                set -l n (string split -m1 : -- $cur)[1]
                for v in (__amlsh_query env versions $n -o json | __amlsh_json_field version)
                    echo $n:$v
                end
            else
                __amlsh_query env list -o json | __amlsh_json_field name
            end
        case workspace
            __amlsh_query workspace list -o json | __amlsh_json_field name
            echo :temp:
        case image
            __amlsh_query curated images -o json | __amlsh_json_field image
        case format
            printf '%s\n' text json yaml
        case bool
            printf '%s\n' true false
        case shell
            printf '%s\n' bash zsh fish
        case command
            __amlsh_next_words $__amlsh_before
    end
end

function __amlsh_next_words --description 'the next word of every command name after the words given'
    set -l typed (string join ' ' -- $argv)
    for entry in (__amlsh_entries)
        set -l name (string split -m1 ';' -- $entry)[1]
        if test -z "$typed"
            string split -m1 ' ' -- $name | head -1
        else if string match -q -- "$typed *" $name
            string split -m1 ' ' -- (string sub -s (math (string length -- "$typed") + 2) -- $name) | head -1
        end
    end | sort -u
end

function __amlsh_global_options --argument-names scope --description 'OPTION:KIND of #line;; or #launch;;'
    string split \n -- $__amlsh_spec | string match -r "^#$scope;;.*" | string replace "#$scope;;" '' | string split -n ' '
end

function __amlsh_option_kind --description 'WORD OPTION:KIND...: the kind of the option spelled WORD'
    for o in $argv[2..-1]
        set -l parts (string split -m1 : -- $o)
        if test "$parts[1]" = "$argv[1]"
            echo $parts[2]
            return
        end
    end
end

function __amlsh_long_names
    for o in $argv
        string match -q -- '--*' $o; and string split -m1 : -- $o | head -1
    end
end

function __amlsh_entries
    string split \n -- $__amlsh_spec | string match -rv '^(#.*)?$'
end

function __amlsh_complete
    set -l before (commandline -opc)
    set -l cur (commandline -ct)
    set -g __amlsh_prog $before[1]
    set -g __amlsh_ws ''
    set -e before[1]
    set -g __amlsh_before
    set -l lopts (__amlsh_global_options line)
    set -l aopts (__amlsh_global_options launch)
    set -l i 1
    set -l n (count $before)
    set -l valued ''
    while test $i -le $n
        set -l w $before[$i]
        string match -q -- '-*' $w; or break
        if string match -q -- '--workspace=*' $w
            set __amlsh_ws (string replace -- '--workspace=' '' $w)
            set i (math $i + 1)
            continue
        end
        set -l kind (__amlsh_option_kind $w $lopts $aopts)
        if test -n "$kind"; and test "$kind" != flag
            test $w = --workspace; and test $i -lt $n; and set __amlsh_ws $before[(math $i + 1)]
            test $i -eq $n; and set valued $kind
            set i (math $i + 2)
        else
            set i (math $i + 1)
        end
    end
    if test -n "$valued"
        __amlsh_kind $valued $cur
        test $valued = workspace; and __fish_complete_path $cur
        return
    end
    set -l cmd
    test $i -le $n; and set cmd $before[$i..-1]
    if test (count $cmd) -eq 0; and string match -q -- '-*' $cur
        __amlsh_long_names $lopts $aopts
        return
    end
    set -l found ''
    set -l best 0
    set -l typed (string join ' ' -- $cmd)
    for entry in (__amlsh_entries)
        set -l name (string split -m1 ';' -- $entry)[1]
        set -l nw (string split ' ' -- $name)
        if test (count $nw) -gt $best; and test (count $nw) -le (count $cmd)
            if test (string join ' ' -- $cmd[1..(count $nw)]) = $name
                set found $entry
                set best (count $nw)
            end
        end
    end
    if test -z "$found"
        if string match -q -- '-*' $cur
            __amlsh_long_names $lopts
        else
            __amlsh_next_words $cmd
        end
        return
    end
    set -l fields (string split ';' -- $found)
    set -l kinds (string split -n ' ' -- $fields[2])
    set -l opts (string split -n ' ' -- $fields[3])
    set -l rest
    test (count $cmd) -gt $best; and set rest $cmd[(math $best + 1)..-1]
    if test (count $rest) -gt 0
        set -l prev $rest[-1]
        set -l kind (__amlsh_option_kind $prev $opts)
        test -z "$kind"; and set kind (__amlsh_option_kind $prev $lopts)
        if test -n "$kind"; and test $kind != flag
            __amlsh_kind $kind $cur
            return
        end
    end
    if string match -q -- '-*' $cur
        __amlsh_long_names $opts $lopts
        return
    end
    set -l position 0
    set -l j 1
    while test $j -le (count $rest)
        set -l w $rest[$j]
        if string match -q -- '-*' $w
            set -l takes 0
            set -l kind (__amlsh_option_kind $w $opts)
            test -z "$kind"; and set kind (__amlsh_option_kind $w $lopts)
            test -n "$kind"; and test "$kind" != flag; and set takes 1
            string match -q -- '--workspace=*' $w; and set __amlsh_ws (string replace -- '--workspace=' '' $w)
            test $w = --workspace; and test $j -lt (count $rest); and set __amlsh_ws $rest[(math $j + 1)]
            set j (math $j + $takes)
        else
            set -a __amlsh_before $w
            set position (math $position + 1)
        end
        set j (math $j + 1)
    end
    test (count $kinds) -eq 0; and return
    set -l kind
    if test $position -lt (count $kinds)
        set kind $kinds[(math $position + 1)]
    else if string match -q -- '*\*' $kinds[-1]
        set kind $kinds[-1]
    else
        return
    end
    __amlsh_kind (string trim -r -c '*' -- $kind) $cur
end

complete -c amlsh -f -a '(__amlsh_complete)'
