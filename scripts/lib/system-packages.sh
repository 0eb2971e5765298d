# The Debian packages Newsbus builds against, installed when missing (needs root or sudo).
NEWSBUS_SYSTEM_PACKAGES=(libzmq3-dev libsqlite3-dev pkg-config libxml2-dev libcld2-dev zlib1g-dev)

ensure_system_packages() {
    local missing=()
    for package in "${NEWSBUS_SYSTEM_PACKAGES[@]}"; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "== installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
