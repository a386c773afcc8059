/**
 * UI strings of the app's team server connections (issue 19, step 5): the connect dialog
 * (components/ConnectDialog.tsx), the library's sections per backend (components/TeamSections.tsx)
 * and the banner of an unreachable or signed-out server, or one that refuses the change feed
 * (components/TeamBanner.tsx).
 */
import { defineCatalog } from './i18n-catalog';
import { catalogHook } from './i18n';

const en = {
  'team.connect.title': 'Connect to a team server',
  'team.connect.intro': 'Team projects are listed in the library beside this computer\'s and open in the same views. Editing them needs the server: offline editing of team projects is not offered.',
  'team.connect.address': 'Server address',
  'team.connect.addressHint': 'For example https://review.example.org. May stay empty when the sign-in address below names the server.',
  'team.connect.signIn': 'Sign-in address or token',
  'team.connect.signInHint': 'The one-time address a team admin sent you (it ends in #signin=…). It is used once: this computer\'s Jiaodui keeps the session it gives, never this page.',
  'team.connect.submit': 'Connect',
  'team.connect.connecting': 'Connecting…',
  'team.connect.cancel': 'Cancel',
  'team.connected': 'Connected to {server} as {name}.',
  'team.connectedNoName': 'Connected to {server}.',
  'team.connectButton': 'Connect to a team server…',
  'team.section.local': 'This computer',
  'team.section.server': 'Team server {server}',
  'team.section.as': 'signed in as {name} ({role})',
  'team.section.working': 'You are working here',
  'team.section.loading': 'Loading…',
  'team.section.error': 'Its projects cannot be listed: {message}',
  'team.section.empty': 'No projects yet.',
  'team.section.documents': '{count} documents',
  'team.section.document1': '1 document',
  'team.disconnect': 'Disconnect',
  'team.disconnectLabel': 'Disconnect from {server}',
  'team.disconnected': 'Disconnected from {server}.',
  'team.banner.unreachable': 'The team server {server} cannot be reached. Your unsaved edit stays in the editor; Jiaodui keeps trying and saves it once the server is back.',
  'team.banner.retrying': 'Next try in {seconds} s.',
  'team.banner.retryNow': 'Try now',
  'team.banner.signedOut': 'Signed out of the team server {server}. Connect again with a new sign-in address from a team admin; your unsaved edit stays in the editor.',
  'team.banner.reconnect': 'Connect again…',
  'team.banner.feedRefused': "Other reviewers' changes on the team server {server} no longer appear here live: it refused the change feed. Jiaodui keeps trying.",
  'team.banner.feedFailed': "Other reviewers' changes on the team server {server} no longer appear here live: the server failed to send them, several times in a row. Jiaodui keeps trying.",
  'team.banner.feedRefusedSaid': 'The server said: {reason}',
  'team.back': 'The team server {server} is back.',
  'team.kept.restored': 'Not sent yet, kept from an earlier session: {count} changes wait for the team server and are sent when it answers (a change made there meanwhile is shown as a conflict).',
  'team.kept.restored1': 'Not sent yet, kept from an earlier session: 1 change waits for the team server and is sent when it answers (a change made there meanwhile is shown as a conflict).',
  'team.kept.storageFailed': 'Changes kept for the team server cannot be stored in this browser ({message}): they wait in this window only, and a reload would forget them.',
};

const zhHant: Record<keyof typeof en, string> = {
  'team.connect.title': '連線到團隊伺服器',
  'team.connect.intro': '團隊的專案會列在文件庫中，與這台電腦的專案並列，並以相同的畫面開啟。編輯它們需要連上伺服器：不提供團隊專案的離線編輯。',
  'team.connect.address': '伺服器網址',
  'team.connect.addressHint': '例如 https://review.example.org。如果下方的登入網址已指明伺服器，可以留空。',
  'team.connect.signIn': '登入網址或權杖',
  'team.connect.signInHint': '團隊管理員寄給你的一次性網址（以 #signin=… 結尾）。它只能使用一次：它換得的工作階段由這台電腦上的校對保存，絕不交給這個頁面。',
  'team.connect.submit': '連線',
  'team.connect.connecting': '連線中…',
  'team.connect.cancel': '取消',
  'team.connected': '已連線到 {server}，身分為 {name}。',
  'team.connectedNoName': '已連線到 {server}。',
  'team.connectButton': '連線到團隊伺服器…',
  'team.section.local': '這台電腦',
  'team.section.server': '團隊伺服器 {server}',
  'team.section.as': '登入身分：{name}（{role}）',
  'team.section.working': '你正在這裡工作',
  'team.section.loading': '載入中…',
  'team.section.error': '無法列出它的專案：{message}',
  'team.section.empty': '還沒有專案。',
  'team.section.documents': '{count} 份文件',
  'team.section.document1': '1 份文件',
  'team.disconnect': '中斷連線',
  'team.disconnectLabel': '中斷與 {server} 的連線',
  'team.disconnected': '已中斷與 {server} 的連線。',
  'team.banner.unreachable': '無法連線到團隊伺服器 {server}。你尚未儲存的修改仍留在編輯器中；校對會持續重試，並在伺服器恢復後儲存它。',
  'team.banner.retrying': '{seconds} 秒後再試。',
  'team.banner.retryNow': '立即重試',
  'team.banner.signedOut': '你已登出團隊伺服器 {server}。請向團隊管理員索取新的登入網址並重新連線；你尚未儲存的修改仍留在編輯器中。',
  'team.banner.reconnect': '重新連線…',
  'team.banner.feedRefused': '團隊伺服器 {server} 拒絕了變更動態，其他校對者的修改不再即時顯示在這裡。校對會持續重試。',
  'team.banner.feedFailed': '團隊伺服器 {server} 連續幾次未能送出變更動態，其他校對者的修改不再即時顯示在這裡。校對會持續重試。',
  'team.banner.feedRefusedSaid': '伺服器的回應：{reason}',
  'team.back': '團隊伺服器 {server} 已恢復連線。',
  'team.kept.restored': '尚未送出，上次工作階段保留的變更：{count} 項變更正在等待團隊伺服器，伺服器回應後會送出（若其間有人在伺服器上改了它們，會顯示為衝突）。',
  'team.kept.restored1': '尚未送出，上次工作階段保留的變更：1 項變更正在等待團隊伺服器，伺服器回應後會送出（若其間有人在伺服器上改了它，會顯示為衝突）。',
  'team.kept.storageFailed': '無法在這個瀏覽器中儲存為團隊伺服器保留的變更（{message}）：它們只留在這個視窗中，重新載入就會遺失。',
};

export const { catalog: TEAM_CATALOG, translate: translateTeam } = defineCatalog(en, zhHant);
export type TeamMessageKey = keyof typeof en;
export const useTeamI18n = catalogHook('tm', translateTeam);
