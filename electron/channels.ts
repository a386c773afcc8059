/**
 * IPC channels of the shell bridge (window.jiaoduiShell). The API itself uses
 * IPC_CHANNEL from shared/contract/transport.ts; menu commands use COMMAND_CHANNEL.
 * No imports: the preload bundle includes this file.
 */
export const SHELL_OPEN_FILES_CHANNEL = 'jiaodui:shell:openFiles';
export const SHELL_SAVE_FILE_CHANNEL = 'jiaodui:shell:saveFile';
