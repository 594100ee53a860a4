<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>DropArea</name>
    <message>
        <location filename="../../ghl_desktop/gui/drop_area.py" line="101"/>
        <source>Drop your spreadsheets here</source>
        <extracomment>Folders are walked at most this deep, and at most this many files are taken from one drop. list[Path], as dropped (folders not yet expanded)</extracomment>
        <translation>Arraste suas planilhas aqui</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/drop_area.py" line="103"/>
        <source>CSV, TXT, XLSX or XLS — several files or whole folders at once. Nothing leaves this computer.</source>
        <translation>CSV, TXT, XLSX ou XLS — vários arquivos ou pastas inteiras de uma vez. Nada sai deste computador.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/drop_area.py" line="105"/>
        <source>Open files…</source>
        <translation>Abrir arquivos…</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../ghl_desktop/gui/errors.py" line="110"/>
        <source>Unexpected error</source>
        <extracomment>reports shown so far (the window and tests read it)</extracomment>
        <translation>Erro inesperado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/errors.py" line="111"/>
        <source>Something went wrong. Your work is kept and the app stays open.</source>
        <translation>Algo deu errado. Seu trabalho foi mantido e o app continua aberto.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/errors.py" line="113"/>
        <source>The details below were also written to the log: {0}</source>
        <translation>Os detalhes abaixo também foram gravados no log: {0}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="89"/>
        <source>Export GHL CSV</source>
        <translation>Exportar CSV do GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="90"/>
        <source>Browse…</source>
        <translation>Procurar…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="91"/>
        <source>Also write the rows with problems to a rejects file</source>
        <translation>Gravar também as linhas com problemas num arquivo de rejeitados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="92"/>
        <source> rows per file</source>
        <translation> linhas por arquivo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="93"/>
        <source>GHL imports at most 10,000 rows per file; longer exports become parts</source>
        <translation>O GHL importa no máximo 10.000 linhas por arquivo; exportações maiores viram partes</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="94"/>
        <source>Save as:</source>
        <translation>Salvar como:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="94"/>
        <source>Split into parts of:</source>
        <translation>Dividir em partes de:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="99"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="100"/>
        <source>Waiting for the conversion to finish…</source>
        <translation>Aguardando a conversão terminar…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/export_flow.py" line="120"/>
        <source>%n row(s) still have invalid values. They are exported without those values; review them first if you can.</source>
        <translation>
            <numerusform>%n linha ainda tem valores inválidos. Ela é exportada sem esses valores; revise antes, se puder.</numerusform>
            <numerusform>%n linhas ainda têm valores inválidos. Elas são exportadas sem esses valores; revise antes, se puder.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="127"/>
        <source>Save GHL CSV</source>
        <translation>Salvar CSV do GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/export_flow.py" line="128"/>
        <source>CSV files (*.csv)</source>
        <translation>Arquivos CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="128"/>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="128"/>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="128"/>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="128"/>
        <source>Rows</source>
        <translation>Linhas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="169"/>
        <source>{0} rows to export of {1} read</source>
        <translation>{0} linhas a exportar de {1} lidas</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="62"/>
        <source>Queued</source>
        <translation>Na fila</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="63"/>
        <source>Processing</source>
        <translation>Processando</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="64"/>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="65"/>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="66"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="72"/>
        <source>reading</source>
        <translation>lendo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="73"/>
        <source>mapping</source>
        <translation>mapeando</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="74"/>
        <source>normalizing</source>
        <translation>normalizando</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="75"/>
        <source>merging duplicates</source>
        <translation>juntando duplicados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="76"/>
        <source>saving</source>
        <translation>salvando</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="82"/>
        <source>Interrupted: the app closed while this file was being processed. Retry it.</source>
        <translation>Interrompido: o app foi fechado enquanto este arquivo era processado. Tente de novo.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="287"/>
        <source>Jobs</source>
        <extracomment>job id (&quot;&quot; when none) Replaced in tests; opens a folder in the system file manager.</extracomment>
        <translation>Tarefas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="288"/>
        <source>Retry</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="288"/>
        <source>Process this file again</source>
        <translation>Processar este arquivo de novo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="289"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="289"/>
        <source>Stop this job</source>
        <translation>Parar esta tarefa</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="290"/>
        <source>Re-export</source>
        <translation>Reexportar</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="290"/>
        <source>Write the GHL CSV for this job again</source>
        <translation>Gerar de novo o CSV do GHL desta tarefa</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="291"/>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="291"/>
        <source>Remove this job and its saved result</source>
        <translation>Remover esta tarefa e o resultado salvo</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="292"/>
        <source>Folder</source>
        <translation>Pasta</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="292"/>
        <source>Open the folder of the last export</source>
        <translation>Abrir a pasta da última exportação</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="341"/>
        <source>{0} could not be converted: {1}</source>
        <translation>Não foi possível converter {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="344"/>
        <source>The saved result of this job was removed after the retention period.</source>
        <translation>O resultado salvo desta tarefa foi removido após o período de retenção.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="347"/>
        <source>Last export: {0}</source>
        <translation>Última exportação: {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="398"/>
        <source>Delete job</source>
        <translation>Excluir tarefa</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/jobs_panel.py" line="399"/>
        <source>Delete {0} from the history, with its saved result and review edits? Exported files are kept.</source>
        <translation>Excluir {0} do histórico, com o resultado salvo e as edições da revisão? Os arquivos exportados são mantidos.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="201"/>
        <source>GHL Desktop — contacts ready for GoHighLevel</source>
        <extracomment>Live report/preview counters are repainted at most this often while chunks arrive. job id, what is shown (live | result | failed | none): the smoke test and tests wait on it. the export finished: list of written paths ([] after a failure).</extracomment>
        <translation>GHL Desktop — contatos prontos para o GoHighLevel</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="203"/>
        <source>&amp;Open files…</source>
        <translation>&amp;Abrir arquivos…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="203"/>
        <source>Choose spreadsheets to convert</source>
        <translation>Escolher planilhas para converter</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="204"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="204"/>
        <source>Write the GHL CSV for the selected job</source>
        <translation>Gerar o CSV do GHL da tarefa selecionada</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="205"/>
        <source>Exclude / include</source>
        <translation>Excluir / incluir</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="205"/>
        <source>Leave the selected rows out of the export, or take them back</source>
        <translation>Deixar as linhas selecionadas fora da exportação, ou trazê-las de volta</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="206"/>
        <source>Accept suggestion</source>
        <translation>Aceitar sugestão</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="206"/>
        <source>Use the suggested fix for the selected cell</source>
        <translation>Usar a correção sugerida para a célula selecionada</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="207"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="207"/>
        <source>Country, duplicates, split size, language</source>
        <translation>País, duplicados, tamanho das partes, idioma</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="208"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="214"/>
        <source>Undo</source>
        <translation>Desfazer</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="215"/>
        <source>Redo</source>
        <translation>Refazer</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="216"/>
        <source>Review</source>
        <translation>Revisão</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="217"/>
        <source>Mapping</source>
        <translation>Mapeamento</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="218"/>
        <source>Report</source>
        <translation>Relatório</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="253"/>
        <source>Open spreadsheets</source>
        <translation>Abrir planilhas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="255"/>
        <source>Spreadsheets ({0})</source>
        <translation>Planilhas ({0})</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="255"/>
        <source>All files (*)</source>
        <translation>Todos os arquivos (*)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="267"/>
        <source>…and {0} more</source>
        <translation>…e mais {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="268"/>
        <source>Some files were not added</source>
        <translation>Alguns arquivos não foram adicionados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="269"/>
        <source>These are not spreadsheets GHL Desktop can read (CSV, TXT, XLSX, XLS):</source>
        <translation>Estes não são planilhas que o GHL Desktop sabe ler (CSV, TXT, XLSX, XLS):</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="280"/>
        <source>Some files could not be added</source>
        <translation>Alguns arquivos não puderam ser adicionados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="283"/>
        <source>Already converting: {0}</source>
        <translation>Já em conversão: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="291"/>
        <source>Converting %n file(s)…</source>
        <translation>
            <numerusform>Convertendo %n arquivo…</numerusform>
            <numerusform>Convertendo %n arquivos…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="296"/>
        <source>Converted before</source>
        <translation>Já convertido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="297"/>
        <source>{0} was converted before. Its result is open; process it again?</source>
        <translation>{0} já foi convertido. O resultado está aberto; processar de novo?</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="358"/>
        <source>The saved result could not be opened ({0}). Retry the job to convert the file again.</source>
        <translation>Não foi possível abrir o resultado salvo ({0}). Repita a tarefa para converter o arquivo de novo.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="387"/>
        <source>Converting {0}… rows appear as they are normalized; editing opens when it is done.</source>
        <translation>Convertendo {0}… as linhas aparecem conforme são normalizadas; a edição abre quando terminar.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="389"/>
        <source>Opening the result…</source>
        <translation>Abrindo o resultado…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="391"/>
        <source>{0} could not be converted: {1}</source>
        <translation>Não foi possível converter {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="393"/>
        <source>{0} was cancelled. Retry it to convert it again.</source>
        <translation>{0} foi cancelado. Repita para converter de novo.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="395"/>
        <source>Converting again with the new mapping…</source>
        <translation>Convertendo de novo com o novo mapeamento…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="452"/>
        <source>{0} is ready for review</source>
        <translation>{0} está pronto para revisão</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="453"/>
        <source>Conversion finished</source>
        <translation>Conversão concluída</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="454"/>
        <source>{0}: {1} contacts ready to review and export.</source>
        <translation>{0}: {1} contatos prontos para revisar e exportar.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="457"/>
        <source>{0} could not be converted</source>
        <translation>Não foi possível converter {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="458"/>
        <source>Conversion failed</source>
        <translation>A conversão falhou</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="458"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="460"/>
        <source>{0} was cancelled</source>
        <translation>{0} foi cancelado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="510"/>
        <source>Converted again with the new mapping; it will be used for files with the same columns.</source>
        <translation>Convertido de novo com o novo mapeamento; ele será usado para arquivos com as mesmas colunas.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="522"/>
        <source>Mapping not applied</source>
        <translation>Mapeamento não aplicado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="585"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="599"/>
        <source>%n contact(s) exported</source>
        <translation>
            <numerusform>%n contato exportado</numerusform>
            <numerusform>%n contatos exportados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="601"/>
        <source>in {0} files of at most {1} rows</source>
        <translation>em {0} arquivos de no máximo {1} linhas</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/main_window.py" line="604"/>
        <source>%n row(s) with problems listed in</source>
        <translation>
            <numerusform>%n linha com problemas listada em</numerusform>
            <numerusform>%n linhas com problemas listadas em</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="605"/>
        <source>Export finished</source>
        <translation>Exportação concluída</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="607"/>
        <source>Open folder</source>
        <translation>Abrir pasta</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="610"/>
        <source>Exported to {0}</source>
        <translation>Exportado para {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="615"/>
        <source>Export failed</source>
        <translation>A exportação falhou</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="616"/>
        <source>Nothing was written. {0}</source>
        <translation>Nada foi gravado. {0}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="639"/>
        <source>Settings saved</source>
        <translation>Configurações salvas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="656"/>
        <source>History recovered</source>
        <translation>Histórico recuperado</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/main_window.py" line="657"/>
        <source>The job history was damaged and has been started anew. The old copy was kept at:
{0}</source>
        <translation>O histórico de tarefas estava danificado e foi recomeçado. A cópia antiga foi guardada em:
{0}</translation>
    </message>
</context>
<context>
    <name>MappingEditor</name>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="109"/>
        <source>(leave out)</source>
        <extracomment>the new Mapping, after a short pause (several quick changes → one run)</extracomment>
        <translation>(deixar de fora)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="111"/>
        <source>Full Name (split into First/Last)</source>
        <translation>Full Name (dividido em First/Last)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="120"/>
        <source>not mapped</source>
        <translation>não mapeada</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="126"/>
        <source>by the header</source>
        <translation>pelo cabeçalho</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="126"/>
        <source>by the values</source>
        <translation>pelos valores</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="127"/>
        <source>header and values agree</source>
        <translation>cabeçalho e valores concordam</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="128"/>
        <source>chosen by you</source>
        <translation>escolhido por você</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="131"/>
        <source>Confidence of the automatic choice</source>
        <translation>Confiança da escolha automática</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="151"/>
        <source>Column mapping</source>
        <translation>Mapeamento de colunas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="153"/>
        <source>Each column of your file and the GHL field it fills. Change a field and the contacts are converted again; the choice is remembered for files with the same columns.</source>
        <translation>Cada coluna do seu arquivo e o campo do GHL que ela preenche. Mude um campo e os contatos são convertidos de novo; a escolha fica lembrada para arquivos com as mesmas colunas.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="156"/>
        <source>Your column</source>
        <translation>Sua coluna</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="156"/>
        <source>Examples</source>
        <translation>Exemplos</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="156"/>
        <source>GHL field</source>
        <translation>Campo do GHL</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/mapping_editor.py" line="156"/>
        <source>Confidence</source>
        <translation>Confiança</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="50"/>
        <source>Invalid email</source>
        <extracomment>The problem kinds of a cell (list of str), for tests and delegates. The table row number behind a view row. The suggested replacement for a cell, if any.</extracomment>
        <translation>E-mail inválido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="51"/>
        <source>Invalid phone</source>
        <translation>Telefone inválido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="52"/>
        <source>Invalid date</source>
        <translation>Data inválida</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="53"/>
        <source>No name, email or phone: GHL would refuse this row</source>
        <translation>Sem nome, e-mail nem telefone: o GHL recusaria esta linha</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="54"/>
        <source>Possible typo in the email</source>
        <translation>Possível erro de digitação no e-mail</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="55"/>
        <source>Looks like a spreadsheet formula: it is neutralized on export</source>
        <translation>Parece uma fórmula de planilha: é neutralizada na exportação</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="56"/>
        <source>Phone repaired</source>
        <translation>Telefone corrigido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="194"/>
        <source>Row status: problems, merged duplicates, excluded</source>
        <extracomment>table row, field, typed text The conversion result once the job is done (raw source cells for tooltips); None while live.</extracomment>
        <translation>Situação da linha: problemas, duplicados juntados, excluída</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="275"/>
        <source>Excluded: this row will not be exported</source>
        <translation>Excluída: esta linha não será exportada</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ghl_desktop/gui/preview_model.py" line="278"/>
        <source>Merged with %n duplicate row(s):</source>
        <translation>
            <numerusform>Juntada com %n linha duplicada:</numerusform>
            <numerusform>Juntada com %n linhas duplicadas:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="279"/>
        <source>{0}, row {1}</source>
        <translation>{0}, linha {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="282"/>
        <source>Row</source>
        <translation>Linha</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="301"/>
        <source>Suggested fix: {0} (Accept suggestion, Ctrl+Enter)</source>
        <translation>Correção sugerida: {0} (Aceitar sugestão, Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/preview_model.py" line="305"/>
        <source>Original: {0} → {1}</source>
        <translation>Original: {0} → {1}</translation>
    </message>
</context>
<context>
    <name>QualityChart</name>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="82"/>
        <source>Valid</source>
        <extracomment>Bar order, bottom to top (a horizontal chart draws its first category at the bottom).</extracomment>
        <translation>Válido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="82"/>
        <source>Repaired</source>
        <translation>Corrigido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="83"/>
        <source>Invalid</source>
        <translation>Inválido</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="83"/>
        <source>Missing</source>
        <translation>Ausente</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="87"/>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="87"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/quality_chart.py" line="88"/>
        <source>Contact quality</source>
        <translation>Qualidade dos contatos</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="84"/>
        <source>Report</source>
        <extracomment>Report keys shown as figures, in reading order; percentages are marked.</extracomment>
        <translation>Relatório</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="86"/>
        <source>Rows read</source>
        <translation>Linhas lidas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="87"/>
        <source>Rows to export</source>
        <translation>Linhas a exportar</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="88"/>
        <source>With email</source>
        <translation>Com e-mail</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="89"/>
        <source>With phone</source>
        <translation>Com telefone</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="90"/>
        <source>Invalid emails</source>
        <translation>E-mails inválidos</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="91"/>
        <source>Invalid phones</source>
        <translation>Telefones inválidos</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="92"/>
        <source>Phones repaired</source>
        <translation>Telefones corrigidos</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="93"/>
        <source>Duplicates merged</source>
        <translation>Duplicados juntados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="94"/>
        <source>Excluded by you</source>
        <translation>Excluídas por você</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="95"/>
        <source>Rows with problems</source>
        <translation>Linhas com problemas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="103"/>
        <source>The report appears as soon as a file is being converted.</source>
        <translation>O relatório aparece assim que um arquivo começa a ser convertido.</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="105"/>
        <source>Live: counting while the job runs (duplicates are merged at the end).</source>
        <translation>Ao vivo: contando enquanto a tarefa roda (os duplicados são juntados no fim).</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="108"/>
        <source>Final report ({0} s).</source>
        <translation>Relatório final ({0} s).</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/report_panel.py" line="110"/>
        <source>Columns left out: {0}</source>
        <translation>Colunas deixadas de fora: {0}</translation>
    </message>
</context>
<context>
    <name>ReviewCommands</name>
    <message>
        <location filename="../../ghl_desktop/gui/review_commands.py" line="49"/>
        <source>Edit {0} in row {1}</source>
        <translation>Editar {0} na linha {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_commands.py" line="60"/>
        <source>Accept the suggested {0} in row {1}</source>
        <translation>Aceitar {0} sugerido na linha {1}</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_commands.py" line="72"/>
        <source>Exclude {0} row(s)</source>
        <translation>Excluir {0} linha(s)</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_commands.py" line="72"/>
        <source>Include {0} row(s)</source>
        <translation>Incluir {0} linha(s)</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="157"/>
        <source>Searching…</source>
        <extracomment>Starting widths that fit typical values (the rest use the default); a person can resize them. Above this many rows a search runs on the thread pool instead of at once.</extracomment>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="176"/>
        <source>Showing {0} of {1} rows</source>
        <translation>Mostrando {0} de {1} linhas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="180"/>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="180"/>
        <source>With problems</source>
        <translation>Com problemas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="181"/>
        <source>Merged duplicates</source>
        <translation>Duplicados juntados</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="181"/>
        <source>Excluded</source>
        <translation>Excluídas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/review_panel.py" line="209"/>
        <source>Search names, emails, phones…</source>
        <translation>Buscar nomes, e-mails, telefones…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="83"/>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="84"/>
        <source>Default country for phones:</source>
        <translation>País padrão dos telefones:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="84"/>
        <source>Duplicates:</source>
        <translation>Duplicados:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="85"/>
        <source>Split exports into parts of:</source>
        <translation>Dividir exportações em partes de:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="85"/>
        <source>Largest file accepted:</source>
        <translation>Maior arquivo aceito:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="86"/>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="86"/>
        <source>Most rows in one file:</source>
        <translation>Máximo de linhas por arquivo:</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="89"/>
        <source>Merge rows with the same email or phone</source>
        <translation>Juntar linhas com o mesmo e-mail ou telefone</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="90"/>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="92"/>
        <source> rows</source>
        <translation> linhas</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="91"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location filename="../../ghl_desktop/gui/settings_dialog.py" line="93"/>
        <source>Country, duplicates, split size and limits apply to the next files you convert. Larger limits need more memory: about 1 GB per million rows.</source>
        <translation>País, duplicados, tamanho das partes e limites valem para os próximos arquivos que você converter. Limites maiores pedem mais memória: cerca de 1 GB por milhão de linhas.</translation>
    </message>
</context>
</TS>
