/**
 * The one catalog of UI strings, English and Traditional Chinese. Components call
 * `t(key, params)`; `{name}` placeholders are filled from params.
 */
import { createContext, useContext, useMemo } from 'react';
import type { CommandId } from '../../shared/commands';
import { defaultProjectOf } from '../../shared/domain/values';
import { defineCatalog, type CatalogTranslate, type Locale, type Params } from './i18n-catalog';

export type { Locale, Params } from './i18n-catalog';
export const LOCALES: readonly Locale[] = ['en', 'zh-Hant'];

const en = {
  'app.name': 'Jiaodui',
  'app.tagline': '校對',
  'app.loading': 'Opening the library…',
  'app.noDocument': 'No document is open. Import a text file, paste text, or pick a document in the library.',
  'app.dropHint': 'Drop text files to import them',

  'command.file.import': 'Import File…',
  'command.file.paste': 'Import from Clipboard Text…',
  'command.file.export': 'Export…',
  'command.file.library': 'Show Library',
  'command.file.trash': 'Show Trash',
  'command.edit.undo': 'Undo',
  'command.edit.redo': 'Redo',
  'command.edit.find': 'Find in All Documents…',
  'command.edit.goto': 'Go to Segment…',
  'command.segment.edit': 'Edit Segment',
  'command.segment.approve': 'Approve Segment',
  'command.segment.unreview': 'Mark Segment Unreviewed',
  'command.segment.split': 'Split Segment at Cursor',
  'command.segment.merge': 'Merge with Next Segment',
  'command.segment.furniture': 'Toggle Page Furniture',
  'command.segment.history': 'Show Segment History',
  'command.segment.restoreDiscarded': 'Restore Discarded Correction',
  'command.segment.next': 'Next Segment',
  'command.segment.previous': 'Previous Segment',
  'command.segment.nextUnreviewed': 'Next Unreviewed Segment',
  'command.view.palette': 'Command Palette…',
  'command.view.theme.system': 'Theme: Follow System',
  'command.view.theme.light': 'Theme: Light',
  'command.view.theme.dark': 'Theme: Dark',
  'command.view.zoomIn': 'Zoom In',
  'command.view.zoomOut': 'Zoom Out',
  'command.view.zoomReset': 'Actual Size',
  'command.view.language': 'Switch Language (English / 繁體中文)',
  'command.view.findings': 'Show Findings (Checks)',
  'command.edit.replace': 'Find and Replace…',
  'command.segment.nextAttention': 'Next Segment Needing Attention',
  'command.segment.nextFinding': 'Next Segment with Findings',
  'command.segment.previousFinding': 'Previous Segment with Findings',
  'command.segment.comment': 'Comment on Selection…',
  'command.view.annotations': 'Show Annotations',
  'command.view.claims': 'Show Claims (Fact-Checking)',
  'command.view.claimsWide': 'Claims Table (Full Width)',
  'command.segment.claim': 'Claim Selection or Segment',
  'command.view.changelog': 'Document Change Log…',
  'command.view.cycleColumn': 'Next Second Column (Simplified / Source / English)',
  'command.segment.editEnglish': 'Edit English of Segment',
  'command.segment.lookup': 'Look Up Word in Dictionary',
  'command.file.attachParallel': 'Attach Original Source or English…',
  'command.help.shortcuts': 'Keyboard Shortcuts',
  'command.mt.translateSegment': 'Machine-Translate Segment',
  'command.mt.translateSelection': 'Machine-Translate Selected Segments',
  'command.mt.translateUntranslated': 'Machine-Translate All Untranslated Segments',
  'command.mt.settings': 'Machine Translation Settings…',
  'command.help.licences': 'About Jiaodui and Licences…',
  'command.team.connect': 'Connect to a Team Server…',
  'command.glossary.open': 'Glossary…',

  'project.inbox': 'Inbox',
  'project.samples': 'Samples',

  'menu.file': 'File',
  'menu.edit': 'Edit',
  'menu.segment': 'Segment',
  'menu.view': 'View',
  'menu.help': 'Help',

  'topbar.toggleLibrary': 'Toggle library',
  'topbar.search': 'Search all documents',
  'topbar.searchPlaceholder': 'Search all documents (Ctrl+F)',
  'topbar.import': 'Import',
  'topbar.paste': 'Paste',
  'topbar.export': 'Export',
  'topbar.commands': 'Commands',
  'topbar.glossary': 'Glossary',
  'topbar.findings': 'Findings',
  'topbar.claims': 'Claims',
  'topbar.main': 'Toolbar',

  'library.title': 'Library',
  'library.projects': 'Projects',
  'library.newProject': 'New project',
  'library.newProjectName': 'Project name',
  'library.create': 'Create',
  'library.rename': 'Rename',
  'library.renameProject': 'Rename project {name}',
  'library.projectSettings': 'Settings of {name}',
  'library.deleteProject': 'Delete project {name}',
  'library.deleteProjectBody': 'Delete the empty project “{name}”? Its glossary and settings are deleted with it. This cannot be undone.',
  'library.delete': 'Delete',
  'library.deleteProjectTrashed': 'Documents of “{name}” are in the Trash ({count}): restore and move them, or empty the Trash, to delete it.',
  'library.projectDeleted': 'Deleted the project “{name}”.',
  'library.save': 'Save',
  'library.cancel': 'Cancel',
  'library.documents': '{count} documents',
  'library.document1': '1 document',
  'library.empty': 'No documents yet.',
  'library.stale': 'Not live: the team server cannot be reached. This is its library as last seen, {time}; it is read again when the server is back.',
  'library.staleReadOnly': 'The team server cannot be reached: its library is shown as last seen, read-only.',
  'library.trash': 'Trash',
  'library.trashEmpty': 'The Trash is empty.',
  'library.emptyTrash': 'Empty Trash…',
  'library.restore': 'Restore',
  'library.moveToTrash': 'Move to Trash',
  'library.details': 'Details',
  'library.editDetails': 'Edit details of {title}',
  'presence.alsoOpen': 'Also open: {names}',
  'presence.openBy': 'Open: {names}',
  'team.signedInAs': 'Signed in to this team server as {name} ({role}); your changes are signed with that name.',
  'library.actions': 'Actions for {title}',
  'library.moveTo': 'Move to project',
  'library.move': 'Move',
  'library.field.title': 'Title',
  'library.field.source': 'Source',
  'library.field.date': 'Date',
  'library.field.dateHint': 'YYYY-MM-DD, or --MM-DD when the year is unknown',
  'library.field.variant': 'Traditional standard',
  'library.variant.t': 'OpenCC standard',
  'library.variant.tw': 'Taiwan',
  'library.variant.hk': 'Hong Kong',
  'library.open': 'Open {title}',
  'library.trashed': 'Moved “{title}” to the Trash.',
  'library.restored': 'Restored “{title}”.',
  'library.emptied': 'Deleted {count} documents for good.',
  'library.confirmEmptyTitle': 'Empty the Trash?',
  'library.confirmEmptyBody': 'This deletes {count} documents and their whole review history for good. It cannot be undone.',
  'library.confirmEmpty': 'Delete for good',
  'library.segments': '{count} segments',

  'date.noYear': '{md} (year unknown)',

  'grid.label': 'Segments of {title}',
  'grid.col.number': '#',
  'grid.col.status': 'Status',
  'grid.col.speaker': 'Speaker',
  'grid.col.hant': 'Traditional',
  'grid.col.hans': 'Simplified',
  'grid.editLabel': 'Correct segment {n}',
  'grid.editHint': 'Enter saves · Esc cancels · Ctrl+Enter saves and approves · Alt+S splits at the cursor',
  'grid.machine': 'Machine text',
  'grid.loading': 'Loading segments…',
  'grid.emptyDoc': 'This document has no segments.',

  'status.unreviewed': 'Unreviewed',
  'status.edited': 'Edited',
  'status.approved': 'Approved',

  'furniture.share': 'share',
  'furniture.byline': 'byline',
  'furniture.disclaimer': 'disclaimer',
  'furniture.translation-note': "translator's note",
  'furniture.comment-prompt': 'comment prompt',
  'furniture.duplicate': 'duplicate',
  'furniture.manual': 'furniture',
  'furniture.label': 'Page furniture: {kind}',

  'progress.label': 'Review progress',
  'progress.summary': '{approved} approved · {edited} edited · {unreviewed} unreviewed',
  'progress.percent': '{percent}% approved',
  'progress.approved': '{n} approved',
  'progress.edited': '{n} edited',
  'progress.unreviewed': '{n} unreviewed',

  'statusbar.label': 'Status',
  'statusbar.saved': 'Saved',
  'statusbar.saving': 'Saving…',
  'statusbar.unsaved': 'Segment {n}: not saved yet',
  'statusbar.saveFailed': 'Not saved: {message}',
  'statusbar.undo': 'Undo: {label}',
  'statusbar.nothingToUndo': 'Nothing to undo',
  'statusbar.author': 'Reviewer: {author}',
  'statusbar.segment': 'Segment {n} of {total}',
  'statusbar.zoom': 'Zoom {percent}%',
  'statusbar.changeAuthor': 'Change reviewer name',

  'search.results': 'Search results',
  'search.resultsFor': '{count} results for “{query}”',
  'search.oneResult': '1 result for “{query}”',
  'search.none': 'No matches for “{query}”.',
  'search.searching': 'Searching…',
  'search.inSimplified': 'matched in Simplified',
  'search.row': '#{n}',
  'search.close': 'Close search results',


  'palette.title': 'Command palette',
  'palette.placeholder': 'Type a command…',
  'palette.none': 'No command matches.',

  'import.cancel': 'Cancel',
  'import.done': 'Imported “{title}”: {segments} segments.',

  'paste.fileName': 'pasted-text.txt',

  'goto.title': 'Go to segment',
  'goto.label': 'Segment number (1–{max})',
  'goto.submit': 'Go',
  'goto.outOfRange': 'Enter a number from 1 to {max}.',

  'confirm.cancel': 'Cancel',


  'author.title': 'Reviewer name',
  'author.label': 'Name recorded with every change',
  'author.save': 'Save',

  'toast.dismiss': 'Dismiss',
  'toast.splitHint': 'Place the cursor where the segment should split, then press Alt+S again.',
  'toast.noDocument': 'Open a document first.',
  'toast.undone': 'Undone.',
  'toast.redone': 'Redone.',
  'toast.unsavedEdit': 'Segment {row} has an unsaved correction: Enter saves it, Esc discards it.',
  'toast.draftRestored': 'Restored your unsaved edit of row {row} (kept when the page was left or the session ended). Enter saves it, Esc discards it.',
  'toast.mergeLast': 'The last segment has nothing after it to merge with.',
  'toast.editDiscarded': 'Discarded your correction of segment {row}.',
  'toast.restore': 'Restore',
  'toast.nothingDiscarded': 'No discarded correction to restore.',
  'toast.statusQueued': 'The team server cannot be reached: the status change is kept and sent when the server is back (a status changed there meanwhile is shown as a conflict).',

  'dialog.close': 'Close',
  'theme.system': 'System',
  'theme.light': 'Light',
  'findings.title': 'Findings',
  'findings.run': 'Run checks',
  'findings.running': 'Checking…',
  'findings.close': 'Close findings',
  'findings.severity': 'Severity',
  'findings.sev.all': 'All',
  'findings.sev.error': 'Errors',
  'findings.sev.warning': 'Warnings',
  'findings.sev.info': 'Info',
  'findings.rule': 'Rule',
  'findings.allRules': 'All rules',
  'findings.showDismissed': 'Show dismissed ({count})',
  'findings.none': 'No findings here.',
  'findings.checking': 'Checking the document…',
  'findings.jump': 'Go to this segment',
  'findings.fixOne': 'Fix → {text}',
  'findings.fixChange': 'Fix {from} → {to}',
  'findings.fixAll': 'Fix all {count}',
  'findings.dismiss': 'Dismiss',
  'findings.reason': 'Why dismiss this finding?',
  'findings.reasonPlaceholder': 'Reason (e.g. correct as written)',
  'findings.dismissedBecause': 'Dismissed: {reason}',
  'findings.more': '+{count} more',
  'findings.otherDoc': 'doc {id}',
  'findings.checkProject': 'Project',
  'findings.checkProjectHint': 'Check names across all documents of this project',
  'findings.projectClean': 'No names or roles differ between the documents of this project.',
  'theme.dark': 'Dark',
} as const;

export type MessageKey = keyof typeof en;

const zhHant: Record<MessageKey, string> = {
  'app.name': '校對',
  'app.tagline': 'Jiaodui',
  'app.loading': '正在開啟文件庫…',
  'app.noDocument': '尚未開啟文件。請匯入文字檔、貼上文字，或在文件庫中選擇文件。',
  'app.dropHint': '放開以匯入文字檔',

  'command.file.import': '匯入檔案…',
  'command.file.paste': '從剪貼簿文字匯入…',
  'command.file.export': '匯出…',
  'command.file.library': '顯示文件庫',
  'command.file.trash': '顯示垃圾桶',
  'command.edit.undo': '復原',
  'command.edit.redo': '重做',
  'command.edit.find': '在所有文件中搜尋…',
  'command.edit.goto': '前往段落…',
  'command.segment.edit': '編輯段落',
  'command.segment.approve': '核准段落',
  'command.segment.unreview': '標為未審閱',
  'command.segment.split': '在游標處分割段落',
  'command.segment.merge': '與下一段合併',
  'command.segment.furniture': '切換版面雜項',
  'command.segment.history': '顯示段落歷史',
  'command.segment.restoreDiscarded': '還原捨棄的修正',
  'command.segment.next': '下一段',
  'command.segment.previous': '上一段',
  'command.segment.nextUnreviewed': '下一個未審閱段落',
  'command.view.palette': '命令面板…',
  'command.view.theme.system': '主題：跟隨系統',
  'command.view.theme.light': '主題：淺色',
  'command.view.theme.dark': '主題：深色',
  'command.view.zoomIn': '放大',
  'command.view.zoomOut': '縮小',
  'command.view.zoomReset': '實際大小',
  'command.view.language': '切換語言（English / 繁體中文）',
  'command.view.findings': '顯示檢查結果',
  'command.edit.replace': '尋找與取代…',
  'command.segment.nextAttention': '下一個需要處理的段落',
  'command.segment.nextFinding': '下一個有檢查結果的段落',
  'command.segment.previousFinding': '上一個有檢查結果的段落',
  'command.segment.comment': '評論選取的文字…',
  'command.view.annotations': '顯示註記',
  'command.view.claims': '顯示待查核陳述',
  'command.view.claimsWide': '待查核陳述總表（全寬）',
  'command.segment.claim': '將選取的文字或整段設為待查核陳述',
  'command.view.changelog': '文件變更記錄…',
  'command.view.cycleColumn': '切換第二欄（簡體／原文／英文）',
  'command.segment.editEnglish': '編輯段落英文',
  'command.segment.lookup': '在辭典中查詢字詞',
  'command.file.attachParallel': '附加原文或英文譯文…',
  'command.help.shortcuts': '鍵盤快捷鍵',
  'command.mt.translateSegment': '機器翻譯此段',
  'command.mt.translateSelection': '機器翻譯選取的段落',
  'command.mt.translateUntranslated': '機器翻譯所有未翻譯段落',
  'command.mt.settings': '機器翻譯設定…',
  'command.help.licences': '關於校對與授權…',
  'command.team.connect': '連線到團隊伺服器…',
  'command.glossary.open': '詞彙表…',

  'project.inbox': '收件匣',
  'project.samples': '範例',

  'menu.file': '檔案',
  'menu.edit': '編輯',
  'menu.segment': '段落',
  'menu.view': '檢視',
  'menu.help': '說明',

  'topbar.toggleLibrary': '顯示或隱藏文件庫',
  'topbar.search': '搜尋所有文件',
  'topbar.searchPlaceholder': '搜尋所有文件（Ctrl+F）',
  'topbar.import': '匯入',
  'topbar.paste': '貼上',
  'topbar.export': '匯出',
  'topbar.commands': '命令',
  'topbar.glossary': '詞彙表',
  'topbar.findings': '檢查結果',
  'topbar.claims': '待查核陳述',
  'topbar.main': '工具列',

  'library.title': '文件庫',
  'library.projects': '專案',
  'library.newProject': '新增專案',
  'library.newProjectName': '專案名稱',
  'library.create': '建立',
  'library.rename': '重新命名',
  'library.renameProject': '重新命名專案 {name}',
  'library.projectSettings': '{name} 的設定',
  'library.deleteProject': '刪除專案 {name}',
  'library.deleteProjectBody': '要刪除空的專案「{name}」嗎？它的詞彙表和設定會一併刪除，且無法復原。',
  'library.delete': '刪除',
  'library.deleteProjectTrashed': '「{name}」有 {count} 份文件在垃圾桶中：請還原並移走它們，或清空垃圾桶，才能刪除這個專案。',
  'library.projectDeleted': '已刪除專案「{name}」。',
  'library.save': '儲存',
  'library.cancel': '取消',
  'library.documents': '{count} 份文件',
  'library.document1': '1 份文件',
  'library.empty': '尚無文件。',
  'library.stale': '非即時：無法連線到團隊伺服器。以下是上次看到的文件庫（{time}）；伺服器恢復連線後會重新讀取。',
  'library.staleReadOnly': '無法連線到團隊伺服器：文件庫顯示上次看到的內容，唯讀。',
  'library.trash': '垃圾桶',
  'library.trashEmpty': '垃圾桶是空的。',
  'library.emptyTrash': '清空垃圾桶…',
  'library.restore': '還原',
  'library.moveToTrash': '移至垃圾桶',
  'library.details': '詳細資料',
  'library.editDetails': '編輯「{title}」的詳細資料',
  'presence.alsoOpen': '同時開啟：{names}',
  'presence.openBy': '開啟中：{names}',
  'team.signedInAs': '已以 {name}（{role}）登入此團隊伺服器；您的修改以此名稱署名。',
  'library.actions': '「{title}」的操作',
  'library.moveTo': '移至專案',
  'library.move': '移動',
  'library.field.title': '標題',
  'library.field.source': '來源',
  'library.field.date': '日期',
  'library.field.dateHint': 'YYYY-MM-DD；年份不明時用 --MM-DD',
  'library.field.variant': '繁體標準',
  'library.variant.t': 'OpenCC 標準',
  'library.variant.tw': '臺灣',
  'library.variant.hk': '香港',
  'library.open': '開啟「{title}」',
  'library.trashed': '已將「{title}」移至垃圾桶。',
  'library.restored': '已還原「{title}」。',
  'library.emptied': '已永久刪除 {count} 份文件。',
  'library.confirmEmptyTitle': '清空垃圾桶？',
  'library.confirmEmptyBody': '這會永久刪除 {count} 份文件及其全部審閱紀錄，無法復原。',
  'library.confirmEmpty': '永久刪除',
  'library.segments': '{count} 段',

  'date.noYear': '{md}（年份不明）',

  'grid.label': '「{title}」的段落',
  'grid.col.number': '#',
  'grid.col.status': '狀態',
  'grid.col.speaker': '發言者',
  'grid.col.hant': '繁體',
  'grid.col.hans': '簡體',
  'grid.editLabel': '修正第 {n} 段',
  'grid.editHint': 'Enter 儲存 · Esc 取消 · Ctrl+Enter 儲存並核准 · Alt+S 在游標處分割',
  'grid.machine': '機器文字',
  'grid.loading': '正在載入段落…',
  'grid.emptyDoc': '這份文件沒有段落。',

  'status.unreviewed': '未審閱',
  'status.edited': '已修改',
  'status.approved': '已核准',

  'furniture.share': '分享',
  'furniture.byline': '署名',
  'furniture.disclaimer': '免責聲明',
  'furniture.translation-note': '譯註',
  'furniture.comment-prompt': '留言提示',
  'furniture.duplicate': '重複',
  'furniture.manual': '雜項',
  'furniture.label': '版面雜項：{kind}',

  'progress.label': '審閱進度',
  'progress.summary': '已核准 {approved} · 已修改 {edited} · 未審閱 {unreviewed}',
  'progress.percent': '已核准 {percent}%',
  'progress.approved': '已核准 {n}',
  'progress.edited': '已修改 {n}',
  'progress.unreviewed': '未審閱 {n}',

  'statusbar.label': '狀態列',
  'statusbar.saved': '已儲存',
  'statusbar.saving': '儲存中…',
  'statusbar.unsaved': '第 {n} 段尚未儲存',
  'statusbar.saveFailed': '未儲存：{message}',
  'statusbar.undo': '復原：{label}',
  'statusbar.nothingToUndo': '沒有可復原的操作',
  'statusbar.author': '審閱者：{author}',
  'statusbar.segment': '第 {n} 段，共 {total} 段',
  'statusbar.zoom': '縮放 {percent}%',
  'statusbar.changeAuthor': '變更審閱者名稱',

  'search.results': '搜尋結果',
  'search.resultsFor': '「{query}」共 {count} 筆結果',
  'search.oneResult': '「{query}」共 1 筆結果',
  'search.none': '找不到「{query}」。',
  'search.searching': '搜尋中…',
  'search.inSimplified': '於簡體中符合',
  'search.row': '第 {n} 段',
  'search.close': '關閉搜尋結果',


  'palette.title': '命令面板',
  'palette.placeholder': '輸入命令…',
  'palette.none': '沒有符合的命令。',

  'import.cancel': '取消',
  'import.done': '已匯入「{title}」：{segments} 段。',

  'paste.fileName': '貼上的文字.txt',

  'goto.title': '前往段落',
  'goto.label': '段落編號（1–{max}）',
  'goto.submit': '前往',
  'goto.outOfRange': '請輸入 1 到 {max} 之間的數字。',

  'confirm.cancel': '取消',


  'author.title': '審閱者名稱',
  'author.label': '每次修改都會記錄的名稱',
  'author.save': '儲存',

  'toast.dismiss': '關閉',
  'toast.splitHint': '請把游標放在要分割的位置，再按一次 Alt+S。',
  'toast.noDocument': '請先開啟文件。',
  'toast.undone': '已復原。',
  'toast.redone': '已重做。',
  'toast.unsavedEdit': '第 {row} 段有尚未儲存的修正：按 Enter 儲存，按 Esc 捨棄。',
  'toast.draftRestored': '已還原你在第 {row} 行尚未儲存的修改（離開頁面或工作階段結束時保留）。按 Enter 儲存，按 Esc 捨棄。',
  'toast.mergeLast': '最後一段之後沒有可合併的段落。',
  'toast.editDiscarded': '已捨棄你對第 {row} 段的修正。',
  'toast.restore': '還原',
  'toast.nothingDiscarded': '沒有可還原的已捨棄修正。',
  'toast.statusQueued': '無法連線到團隊伺服器：此狀態變更已保留，伺服器恢復連線後會送出（若其間有人在伺服器上改了狀態，會顯示為衝突）。',

  'dialog.close': '關閉',
  'theme.system': '系統',
  'theme.light': '淺色',
  'findings.title': '檢查結果',
  'findings.run': '執行檢查',
  'findings.running': '檢查中…',
  'findings.close': '關閉檢查結果',
  'findings.severity': '嚴重程度',
  'findings.sev.all': '全部',
  'findings.sev.error': '錯誤',
  'findings.sev.warning': '警告',
  'findings.sev.info': '提示',
  'findings.rule': '規則',
  'findings.allRules': '所有規則',
  'findings.showDismissed': '顯示已略過（{count}）',
  'findings.none': '沒有檢查結果。',
  'findings.checking': '正在檢查文件…',
  'findings.jump': '跳到此段',
  'findings.fixOne': '修正為 {text}',
  'findings.fixChange': '{from} 修正為 {to}',
  'findings.fixAll': '全部修正（{count}）',
  'findings.dismiss': '略過',
  'findings.reason': '為何略過此項？',
  'findings.reasonPlaceholder': '原因（例如：原文無誤）',
  'findings.dismissedBecause': '已略過：{reason}',
  'findings.more': '另有 {count} 處',
  'findings.otherDoc': '文件 {id}',
  'findings.checkProject': '專案',
  'findings.checkProjectHint': '檢查此專案所有文件中的人名與職稱',
  'findings.projectClean': '此專案各文件之間沒有不一致的人名或職稱。',
  'theme.dark': '深色',
};

export type Translate = (key: MessageKey, params?: Params) => string;

const main = defineCatalog(en, zhHant);
/** Both tables (the catalog tests read them). */
export const MAIN_CATALOG = main.catalog;
export const translate: CatalogTranslate<MessageKey> = main.translate;

export function commandKey(id: CommandId): MessageKey {
  return `command.${id}` as MessageKey;
}

export interface I18n {
  locale: Locale;
  t: Translate;
  /** Numbers and dates in the UI language. */
  formatNumber: (n: number) => string;
  formatDateTime: (iso: string) => string;
  /** A project's name as shown: Jiaodui's own projects (Inbox, Samples) in the UI language while they keep that name. */
  projectName: (name: string) => string;
}

export function makeI18n(locale: Locale): I18n {
  const nf = new Intl.NumberFormat(locale === 'zh-Hant' ? 'zh-Hant-TW' : 'en');
  const df = new Intl.DateTimeFormat(locale === 'zh-Hant' ? 'zh-Hant-TW' : 'en', { dateStyle: 'medium', timeStyle: 'short' });
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    formatNumber: (n) => nf.format(n),
    formatDateTime: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : df.format(d);
    },
    projectName: (name) => {
      const own = defaultProjectOf(name);
      return own ? translate(locale, `project.${own}`) : name;
    },
  };
}

export const I18nContext = createContext<I18n>(makeI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/**
 * A hook giving `useI18n()` plus the catalog's translator under `name`, bound to the
 * current UI language (e.g. `catalogHook('ct', translateColumns)` → `{ ...i18n, ct }`).
 */
export function catalogHook<N extends string, K extends string>(name: N, translate: CatalogTranslate<K>) {
  type Bound = I18n & { [P in N]: (key: K, params?: Params) => string };
  return function useCatalogI18n(): Bound {
    const i18n = useI18n();
    return useMemo(() => ({ ...i18n, [name]: (key: K, params?: Params) => translate(i18n.locale, key, params) }) as Bound, [i18n]);
  };
}

