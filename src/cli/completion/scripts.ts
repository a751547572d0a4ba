/**
 * The shell scripts `completion SHELL` prints. Each asks the program itself for candidates
 * (`BIN __complete WORDS… PARTIAL`, one candidate per line, then `:DIRECTIVE`) and falls back to
 * file names when the directive is 0 and there is no candidate (e.g. after -f).
 */
export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

/** A shell-safe function-name part for the program name. */
const fn = (bin: string) => bin.replace(/[^A-Za-z0-9_]/g, '_');

export function completionScript(shell: Shell, bin: string): string {
  switch (shell) {
    case 'bash':
      return bash(bin);
    case 'zsh':
      return zsh(bin);
    case 'fish':
      return fish(bin);
    case 'powershell':
      return powershell(bin);
  }
}

function bash(bin: string): string {
  const f = fn(bin);
  return `# bash completion for ${bin}
# Load it in the current shell:  source <(${bin} completion bash)

__${f}_complete() {
    local line="\${COMP_LINE:0:COMP_POINT}"
    local -a words
    read -r -a words <<< "$line"
    if [[ -z "$line" || "$line" == *[[:space:]] ]]; then
        words+=("")
    fi
    local cur="\${words[\${#words[@]}-1]}"
    local out
    out=$(${bin} __complete "\${words[@]:1}" 2>/dev/null) || return 0
    local directive="\${out##*:}"
    out="\${out%:*}"
    COMPREPLY=()
    local c
    while IFS= read -r c; do
        [[ -n "$c" ]] && COMPREPLY+=("$c")
    done <<< "$out"
    if [[ \${#COMPREPLY[@]} -eq 0 && "$directive" == "0" ]]; then
        while IFS= read -r c; do COMPREPLY+=("$c"); done < <(compgen -f -- "$cur")
    fi
    if [[ \${#COMPREPLY[@]} -eq 1 && ( "\${COMPREPLY[0]}" == */ || "\${COMPREPLY[0]}" == *= ) ]]; then
        compopt -o nospace 2>/dev/null
    fi
    return 0
}

complete -F __${f}_complete ${bin}
`;
}

function zsh(bin: string): string {
  const f = fn(bin);
  return `#compdef ${bin}
# zsh completion for ${bin}
# Load it in the current shell:  source <(${bin} completion zsh)

_${f}() {
    local -a before lines candidates
    local out directive
    before=("\${(@)words[2,CURRENT-1]}")
    out=$(${bin} __complete "\${before[@]}" "\${words[CURRENT]}" 2>/dev/null) || return 1
    lines=("\${(@f)out}")
    directive="\${lines[-1]#:}"
    candidates=("\${(@)lines[1,-2]}")
    candidates=("\${(@)candidates:#}")
    if (( \${#candidates} )); then
        compadd -Q -- "\${candidates[@]}"
    elif [[ "$directive" == 0 ]]; then
        _files
    fi
}

if [ "$funcstack[1]" = "_${f}" ]; then
    _${f} "$@"
else
    compdef _${f} ${bin}
fi
`;
}

function fish(bin: string): string {
  const f = fn(bin);
  return `# fish completion for ${bin}
# Load it in the current shell:  ${bin} completion fish | source

function __${f}_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l out (${bin} __complete $tokens[2..-1] "$current" 2>/dev/null)
    or return
    set -l directive (string replace -r '^:' '' -- $out[-1])
    set -e out[-1]
    if test (count $out) -eq 0 -a "$directive" = 0
        __fish_complete_path "$current"
        return
    end
    printf '%s\\n' $out
end

complete -c ${bin} -f -a '(__${f}_complete)'
`;
}

function powershell(bin: string): string {
  return `# powershell completion for ${bin}
# Load it in the current shell:  ${bin} completion powershell | Out-String | Invoke-Expression

Register-ArgumentCompleter -Native -CommandName '${bin}' -ScriptBlock {
    param($WordToComplete, $CommandAst, $CursorPosition)
    $line = $CommandAst.ToString()
    if ($line.Length -gt $CursorPosition) { $line = $line.Substring(0, $CursorPosition) }
    $words = @($line -split '\\s+' | Where-Object { $_ -ne '' } | Select-Object -Skip 1)
    if ($WordToComplete -eq '') { $words += '""' }
    $request = "${bin} __complete " + ($words -join ' ')
    $out = @(Invoke-Expression $request 2>$null)
    if ($out.Count -eq 0) { return }
    $directive = $out[-1].TrimStart(':')
    $candidates = @($out | Select-Object -SkipLast 1 | Where-Object { $_ -ne '' })
    if ($candidates.Count -eq 0 -and $directive -eq '0') {
        Get-ChildItem -Path "$WordToComplete*" -ErrorAction SilentlyContinue | ForEach-Object {
            [System.Management.Automation.CompletionResult]::new($_.Name, $_.Name, 'ProviderItem', $_.Name)
        }
        return
    }
    $candidates | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
`;
}
