const STORAGE_KEY = 'bridgebench.token'

/**
 * Browser mode: the printed URL carries `?token=…`. The page keeps it for this tab (surviving
 * reloads) and removes it from the address bar so it is not bookmarked or shared by accident.
 */
export function takeAccessToken(
  location: Location,
  history: History,
  storage: Storage,
): string | undefined {
  const url = new URL(location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl)
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return storage.getItem(STORAGE_KEY) ?? undefined
}
